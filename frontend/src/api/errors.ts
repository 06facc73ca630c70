/**
 * FinPulse's API answers every error with one envelope:
 *   {"error": {"status": 422, "code": "VALIDATION_ERROR", "message": "...",
 *              "details": [{"field": "...", "message": "..."}], "request_id": "..."}}
 * ApiError carries it typed, plus a Russian `userMessage` ready to show. Errors that do not
 * come from FinPulse (API Gateway's own 401/5xx, proxies, the network) get the same shape.
 */

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export class ApiError extends Error {
  override readonly name = "ApiError";
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** Machine code from the envelope (e.g. "VALIDATION_ERROR"), or one derived from the status. */
  readonly code: string;
  readonly details: readonly FieldError[];
  readonly requestId: string | undefined;
  /** The message to show a person, in Russian. */
  readonly userMessage: string;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: readonly FieldError[];
    requestId?: string | undefined;
    userMessage?: string;
  }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.requestId = init.requestId;
    this.userMessage = init.userMessage ?? userMessageFor(init.status, init.code);
  }

  /** Message for one form field, when the server named it in `details`. */
  fieldMessage(field: string): string | undefined {
    return this.details.find((d) => d.field === field)?.message;
  }
}

export const NETWORK_ERROR = "NETWORK_ERROR";
export const BAD_RESPONSE = "BAD_RESPONSE";

export function networkApiError(): ApiError {
  return new ApiError({ status: 0, code: NETWORK_ERROR, message: "Network request failed" });
}

export function badResponseError(status: number, reason: string, requestId?: string): ApiError {
  return new ApiError({ status, code: BAD_RESPONSE, message: reason, requestId });
}

/** Builds an ApiError from a non-2xx answer's status, parsed body (if any) and headers. */
export function parseErrorEnvelope(status: number, body: unknown, headers?: Headers): ApiError {
  const headerRequestId = headers?.get("x-request-id") ?? headers?.get("apigw-requestid") ?? undefined;
  const envelope = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (envelope && typeof envelope.code === "string" && envelope.code) {
    return new ApiError({
      status: typeof envelope.status === "number" ? envelope.status : status,
      code: envelope.code,
      message: typeof envelope.message === "string" ? envelope.message : "",
      details: parseDetails(envelope.details),
      requestId: typeof envelope.request_id === "string" ? envelope.request_id : headerRequestId,
    });
  }
  const message = isRecord(body) && typeof body.message === "string" ? body.message : `HTTP ${status}`;
  return new ApiError({ status, code: codeForStatus(status), message, requestId: headerRequestId });
}

function parseDetails(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): FieldError[] => {
    if (!isRecord(item) || typeof item.message !== "string") return [];
    return [{ field: typeof item.field === "string" ? item.field : "", message: item.message }];
  });
}

export function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return "BAD_REQUEST";
    case 401:
      return "UNAUTHORIZED";
    case 403:
      return "FORBIDDEN";
    case 404:
      return "NOT_FOUND";
    case 409:
      return "CONFLICT";
    case 422:
      return "VALIDATION_ERROR";
    case 429:
      return "RATE_LIMITED";
    case 503:
      return "SERVICE_UNAVAILABLE";
    default:
      return status >= 500 ? "INTERNAL_ERROR" : `HTTP_${status}`;
  }
}

/** Russian wording for the machine codes FinPulse and the banks' errors carry. */
const CODE_MESSAGES: Readonly<Record<string, string>> = {
  SYNC_RUNNING: "Синхронизация уже идёт.",
  BANK_IDENTITY_TAKEN: "Этот клиент банка уже привязан к другой учётной записи FinPulse.",
  BANK_UNAVAILABLE: "Банк сейчас не отвечает. Попробуйте позже.",
  UPSTREAM_UNAVAILABLE: "Банк или сервис сейчас недоступен. Попробуйте позже.",
  BANK_RATE_LIMITED: "Банк просит подождать: слишком много запросов. Попробуйте через минуту.",
  BANK_TOKEN_REJECTED: "Банк не принял доступ FinPulse. Попробуйте позже.",
  BANK_INVALID_RESPONSE: "Банк ответил с ошибкой. Попробуйте позже.",
  BANK_REJECTED_REQUEST: "Банк отклонил запрос. Проверьте данные.",
  BANK_NOT_FOUND: "Банк не нашёл такого клиента или согласия. Проверьте идентификатор клиента.",
  CONSENT_REQUIRED: "Нужно согласие банка. Подключите банк снова.",
  CONSENT_REVOKED: "Согласие отозвано в банке. Подключите банк снова.",
  CONSENT_EXPIRED: "Срок согласия истёк. Подключите банк снова.",
  CONSENT_IN_PROGRESS: "Согласие уже запрашивается. Подождите несколько секунд.",
  INSUFFICIENT_PERMISSIONS: "Согласие не даёт доступа к этим данным. Подключите банк снова.",
  // Payments: each check of a quote, and the error a payment gets when that check fails.
  PAYMENT_REFUSED: "Платёж не прошёл проверки. Деньги не списаны.",
  PAYMENT_NOT_FOUND: "Такого платежа нет среди ваших.",
  DEBTOR_NOT_OWNED: "Этот счёт списания не найден среди ваших подключённых счетов.",
  DEBTOR_NOT_PAYABLE: "Платить можно только с действующего текущего или накопительного счёта.",
  TARGET_REQUIRED: "Выберите, что оплатить: кредит, карту или вклад.",
  TARGET_UNKNOWN: "Такого кредита, карты или вклада среди ваших нет.",
  TARGET_KIND_MISMATCH: "Этот платёж нельзя направить на выбранный продукт.",
  CREDITOR_UNKNOWN: "Банк не сообщил номер счёта получателя — платить некуда.",
  SAME_ACCOUNT: "Счёт списания и счёт получателя совпадают.",
  AMOUNT_REQUIRED: "Укажите сумму.",
  AMOUNT_NOT_POSITIVE: "Сумма должна быть больше нуля.",
  AMOUNT_PRECISION: "В сумме не больше двух знаков после запятой.",
  AMOUNT_TOO_LARGE: "Слишком большая сумма для одного платежа.",
  CURRENCY_MISMATCH: "Валюты счетов не совпадают.",
  AMOUNT_EXCEEDS_DEBT: "Сумма больше, чем осталось выплатить.",
  INSUFFICIENT_FUNDS: "На счёте списания не хватает денег.",
  CONSENT_NOT_USABLE: "Согласие на платежи нельзя использовать для этого платежа.",
  CONSENT_USED_UP: "Лимит согласия на платежи исчерпан.",
  CONSENT_LIMIT_EXCEEDED: "Платёж превышает лимиты согласия.",
  BANK_IDENTITY_MISSING: "Укажите, кто вы в этом банке, на странице «Банки».",
  BANK_IDENTITY_UNVERIFIED: "Банк ещё не подтвердил, что это вы: подключите банк и подтвердите согласие.",
  // The confirmations name their action instead (lib/messages onceMessage).
  IDEMPOTENCY_KEY_REUSED: "Эта заявка уже отправлялась с другими данными. Начните заново.",
  IDEMPOTENCY_IN_PROGRESS: "Заявка ещё обрабатывается. Подождите несколько секунд.",
  // Products, deposits and refinance: what the product consent lacks, the product's terms, the saga.
  PRODUCT_CONSENT_REQUIRED: "В этом банке нет согласия на продукты: подключите его на странице «Банки».",
  OPEN_NOT_GRANTED: "Согласие на продукты в этом банке не разрешает FinPulse открывать продукты.",
  CLOSE_NOT_GRANTED: "Согласие на продукты в этом банке не разрешает FinPulse закрывать продукты.",
  PRODUCT_TYPE_NOT_ALLOWED: "Согласие на продукты в этом банке не распространяется на этот вид продукта.",
  CONSENT_MAX_AMOUNT_EXCEEDED: "Сумма больше, чем согласие на продукты разрешает открыть в этом банке.",
  PRODUCT_NOT_FOUND: "Такого продукта нет в каталоге банка.",
  PRODUCT_KIND_NOT_SUPPORTED: "Открыть здесь можно только вклад.",
  AMOUNT_BELOW_MINIMUM: "Сумма меньше минимальной для этого вклада.",
  AMOUNT_ABOVE_MAXIMUM: "Сумма больше максимальной для этого вклада.",
  TERM_OUT_OF_RANGE: "Такой срок этот вклад не предлагает.",
  ACCOUNT_AT_OTHER_BANK: "Счёт должен быть в том же банке, что и вклад.",
  AGREEMENT_NOT_FOUND: "Такого вклада среди ваших нет.",
  AGREEMENT_NOT_ACTIVE: "Этот вклад уже закрыт.",
  AGREEMENT_REFUSED: "Банк отказал. Деньги остались на вашем счёте.",
  ACTION_NOT_FOUND: "Такой операции среди ваших нет.",
  OFFER_NOT_FOUND: "Этого предложения сейчас нет: обновите данные и посмотрите план снова.",
  LOAN_NOT_FOUND: "Такого кредита среди ваших нет.",
  NOTHING_OUTSTANDING: "По этому кредиту ничего не осталось выплатить.",
  PAYOUT_ACCOUNT_MISSING: "Нужен текущий счёт в новом банке: на него банк выдаст новый кредит.",
  REFINANCE_NOT_FOUND: "Такого рефинансирования среди ваших нет.",
  REFINANCE_NOT_STOPPED: "Рефинансирование не остановлено: продолжать нечего.",
};

/** The Russian wording of a machine code, when FinPulse has one. */
export function codeMessage(code: string | null | undefined): string | undefined {
  return code ? CODE_MESSAGES[code] : undefined;
}

export function userMessageFor(status: number, code: string): string {
  const known = CODE_MESSAGES[code];
  if (known) return known;
  if (code === NETWORK_ERROR) return "Не удалось связаться с сервером. Проверьте подключение к сети.";
  if (code === BAD_RESPONSE) return "Сервер вернул неожиданный ответ. Попробуйте позже.";
  if (status === 400 || status === 422) return "Проверьте введённые данные.";
  if (status === 401) return "Сессия истекла. Войдите снова.";
  if (status === 403) return "Недостаточно прав для этого действия.";
  if (status === 404) return "Данные не найдены.";
  if (status === 409) return "Данные изменились. Обновите страницу и попробуйте снова.";
  if (status === 429) return "Слишком много запросов. Подождите немного и попробуйте снова.";
  if (status >= 500) return "Сервер временно недоступен. Попробуйте позже.";
  return "Не удалось выполнить запрос. Попробуйте ещё раз.";
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException
    ? error.name === "AbortError"
    : typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
