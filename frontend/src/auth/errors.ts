/**
 * Sign-in errors with a machine code and a Russian message ready to show.
 *
 * `kind` tells callers what to do:
 *  - "credentials": the user can fix it (wrong password, unconfirmed account, …);
 *  - "session": the stored session is no longer valid, sign in again;
 *  - "challenge": Cognito asks for a step this app cannot complete yet;
 *  - "network" / "service": temporary, retrying may help; the session is kept;
 *  - "configuration": the deployment is misconfigured (client, flow, endpoint).
 */
export type AuthErrorKind = "credentials" | "session" | "challenge" | "network" | "service" | "configuration";

export class AuthError extends Error {
  override readonly name = "AuthError";

  constructor(
    readonly kind: AuthErrorKind,
    /** Cognito's exception name (e.g. "NotAuthorizedException"), a challenge name, or our own code. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const CHALLENGE_MESSAGES: Record<string, string> = {
  NEW_PASSWORD_REQUIRED:
    "Для этой учётной записи нужно сменить временный пароль. Приложение пока не поддерживает смену пароля — обратитесь к администратору.",
  SMS_MFA: "Для входа требуется код из SMS. Приложение пока не поддерживает двухфакторный вход.",
  SOFTWARE_TOKEN_MFA:
    "Для входа требуется код из приложения-аутентификатора. Приложение пока не поддерживает двухфакторный вход.",
  EMAIL_OTP: "Для входа требуется код из письма. Приложение пока не поддерживает двухфакторный вход.",
  MFA_SETUP: "Для учётной записи требуется настроить двухфакторный вход. Приложение пока этого не поддерживает.",
  SELECT_MFA_TYPE: "Для входа требуется выбрать способ двухфакторного входа. Приложение пока этого не поддерживает.",
};

export function challengeError(challengeName: string): AuthError {
  const message =
    CHALLENGE_MESSAGES[challengeName] ??
    `Сервис входа запросил дополнительный шаг (${challengeName}), который приложение пока не поддерживает.`;
  return new AuthError("challenge", challengeName, message);
}

export type CognitoStage = "signIn" | "refresh" | "signUp" | "confirm" | "reset" | "signOut";

/** Maps a Cognito exception name to an AuthError. `during` changes wording per flow. */
export function cognitoError(type: string, serverMessage: string, during: CognitoStage): AuthError {
  if (
    (during === "refresh" || during === "signOut") &&
    (type === "NotAuthorizedException" || type === "UserNotFoundException")
  ) {
    return new AuthError("session", type, "Сессия истекла. Войдите снова.");
  }
  if (during === "confirm" && type === "NotAuthorizedException") {
    return new AuthError("credentials", type, "Адрес уже подтверждён. Войдите с вашим паролем.");
  }
  if ((during === "confirm" || during === "reset") && type === "UserNotFoundException") {
    return new AuthError("credentials", type, "Неверный код или адрес электронной почты.");
  }
  switch (type) {
    case "UsernameExistsException":
      return new AuthError("credentials", type, "Учётная запись с этим адресом уже есть. Войдите или восстановите пароль.");
    case "InvalidPasswordException":
      return new AuthError("credentials", type, "Пароль не подходит под требования: проверьте список под полем пароля.");
    case "CodeMismatchException":
      return new AuthError("credentials", type, "Неверный код. Проверьте письмо и введите код ещё раз.");
    case "ExpiredCodeException":
      return new AuthError("credentials", type, "Код устарел. Запросите новый код.");
    case "CodeDeliveryFailureException":
      return new AuthError("service", type, "Не удалось отправить письмо с кодом. Попробуйте позже.");
    case "NotAuthorizedException":
      if (/disabled/i.test(serverMessage)) {
        return new AuthError("credentials", type, "Учётная запись отключена. Обратитесь к администратору.");
      }
      if (/attempts exceeded/i.test(serverMessage)) {
        return new AuthError("credentials", type, "Слишком много неудачных попыток входа. Попробуйте позже.");
      }
      return new AuthError("credentials", type, "Неверный адрес электронной почты или пароль.");
    case "UserNotFoundException":
      return new AuthError("credentials", type, "Неверный адрес электронной почты или пароль.");
    case "UserNotConfirmedException":
      return new AuthError("credentials", type, "Учётная запись не подтверждена. Подтвердите адрес электронной почты и попробуйте снова.");
    case "PasswordResetRequiredException":
      return new AuthError("credentials", type, "Требуется сбросить пароль. Обратитесь к администратору.");
    case "TooManyRequestsException":
    case "LimitExceededException":
    case "TooManyFailedAttemptsException":
      return new AuthError("service", type, "Слишком много попыток. Подождите немного и попробуйте снова.");
    case "InvalidParameterException":
      if (during === "confirm" && /already confirmed/i.test(serverMessage)) {
        return new AuthError("credentials", type, "Адрес уже подтверждён. Войдите с вашим паролем.");
      }
      if (/USER_PASSWORD_AUTH|flow not enabled|not enabled for this client/i.test(serverMessage)) {
        return new AuthError("configuration", type, "Вход по паролю не разрешён для клиента приложения. Проверьте настройки пула пользователей.");
      }
      return new AuthError("credentials", type, "Проверьте введённые адрес электронной почты и пароль.");
    case "ResourceNotFoundException":
      return new AuthError("configuration", type, "Клиент приложения не найден в пуле пользователей. Проверьте config.json.");
    case "InvalidUserPoolConfigurationException":
    case "InvalidLambdaResponseException":
    case "UnexpectedLambdaException":
    case "UserLambdaValidationException":
      return new AuthError("configuration", type, "Пул пользователей настроен неверно. Обратитесь к администратору.");
    default:
      return new AuthError("service", type || "UnknownError", "Сервис входа временно недоступен. Попробуйте позже.");
  }
}

export function networkError(): AuthError {
  return new AuthError("network", "NetworkError", "Не удалось связаться с сервисом входа. Проверьте подключение к сети.");
}
