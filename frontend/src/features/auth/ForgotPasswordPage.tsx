import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useCognito, useServices, useSessionManager } from "../../context";
import { AuthLayout, FormMessage } from "./AuthLayout";
import { CodeField, EmailField, SubmitButton } from "./fields";
import { PasswordField } from "./PasswordField";
import { meetsPolicy } from "./passwordRules";
import { useSubmit } from "./useSubmit";

/** ForgotPassword (a code by e-mail), then ConfirmForgotPassword with a new password; signs in. */
export function ForgotPasswordPage() {
  const cognito = useCognito();
  const session = useSessionManager();
  const { passwordPolicy, localAuth } = useServices().config;
  const [email, setEmail] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState("");
  const [password, setPassword] = useState("");
  const submit = useSubmit();

  function requestCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!email.trim()) {
      submit.setError("Введите адрес электронной почты.");
      return;
    }
    void submit.run(async () => {
      const answer = await cognito.forgotPassword(email.trim());
      setSentTo(answer.destination ?? email.trim());
    });
  }

  function setNewPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.trim()) || !meetsPolicy(password, passwordPolicy)) {
      submit.setError("Введите код из 6 цифр и новый пароль, который выполняет все требования.");
      return;
    }
    void submit.run(async () => {
      await cognito.confirmForgotPassword(email.trim(), code.trim(), password);
      await session.signIn(email.trim(), password);
    });
  }

  return (
    <AuthLayout title="Восстановление пароля" lead="Пришлём код на почту, и вы зададите новый пароль.">
      {sentTo === null ? (
        <form className="form" onSubmit={requestCode} noValidate data-testid="forgot-form" aria-busy={submit.pending}>
          <EmailField value={email} onChange={setEmail} autoComplete="username" testId="forgot-email" />
          <FormMessage error={submit.error} testId="forgot" />
          <SubmitButton pending={submit.pending} label="Прислать код" busyLabel="Отправляем…" testId="forgot-submit" />
        </form>
      ) : (
        <form className="form" onSubmit={setNewPassword} noValidate data-testid="reset-form" aria-busy={submit.pending}>
          <p className="notice" role="status">
            Если такая учётная запись есть, код отправлен на {sentTo}.
            {localAuth && " Локальный запуск: код напечатан в консоли make dev."}
          </p>
          <CodeField value={code} onChange={setCode} testId="reset-code" />
          <PasswordField label="Новый пароль" value={password} onChange={setPassword} testId="reset-password" />
          <FormMessage error={submit.error} testId="reset" />
          <SubmitButton pending={submit.pending} label="Сохранить пароль и войти" busyLabel="Сохраняем…" testId="reset-submit" />
        </form>
      )}
      <p className="signin__links">
        <Link to="/">Вернуться ко входу</Link>
      </p>
    </AuthLayout>
  );
}
