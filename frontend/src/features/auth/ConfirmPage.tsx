import { useEffect, useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import { useCognito, useServices, useSessionManager } from "../../context";
import { AuthLayout, FormMessage } from "./AuthLayout";
import { CodeField, EmailField, SubmitButton } from "./fields";
import { useSubmit } from "./useSubmit";

const RESEND_AFTER_SECONDS = 30;

interface ArrivedWith {
  readonly password?: string;
  readonly destination?: string;
}

/** ConfirmSignUp with the e-mailed code (and ResendConfirmationCode); then signs in. */
export function ConfirmPage() {
  const cognito = useCognito();
  const session = useSessionManager();
  const { localAuth } = useServices().config;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const arrived = (useLocation().state ?? {}) as ArrivedWith;
  const [email, setEmail] = useState(params.get("email") ?? "");
  const [code, setCode] = useState("");
  const [notice, setNotice] = useState<string | null>(
    arrived.destination ? `Мы отправили код на ${arrived.destination}.` : null,
  );
  const [wait, setWait] = useState(arrived.destination ? RESEND_AFTER_SECONDS : 0);
  const submit = useSubmit();
  const resend = useSubmit();

  useEffect(() => {
    if (wait <= 0) return;
    const timer = window.setTimeout(() => setWait(wait - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [wait]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const address = email.trim();
    const digits = code.replace(/\s+/g, "");
    if (!address || !/^\d{6}$/.test(digits)) {
      submit.setError("Введите адрес почты и код из 6 цифр из письма.");
      return;
    }
    void submit.run(async () => {
      await cognito.confirmSignUp(address, digits);
      if (arrived.password) {
        await session.signIn(address, arrived.password); // the app opens onboarding
      } else {
        navigate("/", { state: { notice: "Адрес подтверждён. Войдите с вашим паролем." } });
      }
    });
  }

  function onResend() {
    setNotice(null);
    void resend.run(async () => {
      const answer = await cognito.resendConfirmationCode(email.trim());
      setNotice(`Новый код отправлен${answer.destination ? ` на ${answer.destination}` : ""}. Прежний больше не действует.`);
      setWait(RESEND_AFTER_SECONDS);
    });
  }

  return (
    <AuthLayout title="Подтверждение почты" lead="Введите код из письма, чтобы закончить регистрацию.">
      {localAuth && (
        <p className="notice" data-testid="confirm-local-hint">
          Локальный запуск: письмо не уходит на почту, код напечатан в консоли <code>make dev</code> (строка
          «devstack.mail»).
        </p>
      )}
      <form className="form" onSubmit={onSubmit} noValidate data-testid="confirm-form" aria-busy={submit.pending}>
        <EmailField value={email} onChange={setEmail} testId="confirm-email" />
        <CodeField value={code} onChange={setCode} hint="6 цифр. Код действует 24 часа." testId="confirm-code" />
        <FormMessage error={submit.error ?? resend.error} notice={notice} testId="confirm" />
        <SubmitButton pending={submit.pending} label="Подтвердить" busyLabel="Проверяем…" testId="confirm-submit" />
        <button
          type="button"
          className="button button--secondary"
          onClick={onResend}
          disabled={resend.pending || wait > 0 || !email.trim()}
          data-testid="confirm-resend"
        >
          {wait > 0 ? `Отправить код ещё раз (через ${wait} с)` : "Отправить код ещё раз"}
        </button>
      </form>
      <p className="signin__links">
        <Link to="/">Вернуться ко входу</Link>
      </p>
    </AuthLayout>
  );
}
