import { ApiError, NETWORK_ERROR } from "../api/errors";
import { requestIdOf, userMessage } from "../lib/messages";

/**
 * The one error view: what went wrong in Russian, the server's own message from the error
 * envelope, and the request id support can find the log line by; a retry when it can help.
 */
export function ErrorView({
  error,
  title = "Не удалось загрузить данные",
  message,
  onRetry,
  testId = "error-view",
}: {
  error: unknown;
  title?: string;
  /** Instead of the error's own Russian message. */
  message?: string;
  onRetry?: () => void;
  testId?: string;
}) {
  const requestId = requestIdOf(error);
  const serverMessage = error instanceof ApiError && error.code !== NETWORK_ERROR ? error.message : undefined;
  return (
    <div className="state state--error" role="alert" data-testid={testId}>
      <div>
        <p className="state__title">{title}</p>
        <p data-testid="error-message">{message ?? userMessage(error)}</p>
        {serverMessage && !/^HTTP \d+$/.test(serverMessage) && (
          <p className="state__meta" lang="en">
            Ответ сервера: {serverMessage}
          </p>
        )}
        {requestId && (
          <p className="state__meta" data-testid="error-request-id">
            Код запроса: <span className="mono">{requestId}</span>
          </p>
        )}
      </div>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry} data-testid="error-retry">
          Повторить
        </button>
      )}
    </div>
  );
}
