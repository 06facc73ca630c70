import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { useCognito, useServices } from "../../context";
import { AuthLayout, FormMessage } from "./AuthLayout";
import { EmailField, SubmitButton } from "./fields";
import { PasswordField } from "./PasswordField";
import { meetsPolicy } from "./passwordRules";
import { useSubmit } from "./useSubmit";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Cognito self sign-up: e-mail and password, then the e-mailed code on the next screen. */
export function SignUpPage() {
  const cognito = useCognito();
  const { passwordPolicy } = useServices().config;
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [touched, setTouched] = useState(false);
  const submit = useSubmit();
  const emailError = touched && !EMAIL.test(email.trim()) ? "Введите адрес электронной почты, например anna@mail.ru." : undefined;
  const passwordError = touched && !meetsPolicy(password, passwordPolicy) ? "Пароль пока не выполняет все требования." : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTouched(true);
    const address = email.trim();
    if (!EMAIL.test(address) || !meetsPolicy(password, passwordPolicy)) return;
    void submit.run(async () => {
      const answer = await cognito.signUp(address, password);
      navigate(`/confirm?email=${encodeURIComponent(address)}`, {
        state: { password, destination: answer.destination, confirmed: answer.confirmed },
      });
    });
  }

  return (
    <AuthLayout title="Регистрация" lead="Создайте учётную запись: мы пришлём код подтверждения на почту.">
      <form className="form" onSubmit={onSubmit} noValidate data-testid="signup-form" aria-busy={submit.pending}>
        <EmailField value={email} onChange={setEmail} error={emailError} testId="signup-email" />
        <PasswordField value={password} onChange={setPassword} error={passwordError} testId="signup-password" />
        <FormMessage error={submit.error} testId="signup" />
        <SubmitButton pending={submit.pending} label="Зарегистрироваться" busyLabel="Создаём…" testId="signup-submit" />
      </form>
      <p className="signin__links">
        Уже есть учётная запись? <Link to="/">Войти</Link>
      </p>
    </AuthLayout>
  );
}
