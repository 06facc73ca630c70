/**
 * Runtime configuration, read once at start from `/config.json` on the SPA's own origin.
 * The same build runs everywhere: the deploy writes this file to the SPA bucket and the
 * local stack serves its own. See README.md for the shape.
 */

export interface AppConfig {
  /** Base of FinPulse's API: "/api" (same origin) or an absolute URL; never ends with "/". */
  readonly apiBase: string;
  readonly region: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  /** Cognito Identity Provider JSON endpoint (AWS or the local emulation). */
  readonly cognitoEndpoint: string;
  /**
   * Revoke the refresh token at Cognito on sign-out (RevokeToken). Optional in config.json:
   * defaults to true for AWS endpoints (*.amazonaws.com) and false otherwise, because the
   * local emulation (moto) does not implement RevokeToken.
   */
  readonly revokeTokensOnSignOut: boolean;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

export const CONFIG_PATH = `${import.meta.env.BASE_URL}config.json`;

type FetchFn = typeof fetch;

export async function loadConfig(fetchFn: FetchFn = fetch, path: string = CONFIG_PATH): Promise<AppConfig> {
  let response: Response;
  try {
    response = await fetchFn(path, { cache: "no-store", headers: { Accept: "application/json" } });
  } catch {
    throw new ConfigError("Не удалось загрузить настройки приложения: сервер недоступен.");
  }
  if (!response.ok) {
    throw new ConfigError(`Не удалось загрузить настройки приложения (${path}): HTTP ${response.status}.`);
  }
  let raw: unknown;
  try {
    raw = await response.json();
  } catch {
    throw new ConfigError(`Файл настроек ${path} не является корректным JSON.`);
  }
  return parseConfig(raw);
}

export function parseConfig(raw: unknown): AppConfig {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ConfigError("Файл настроек должен содержать JSON-объект.");
  }
  const record = raw as Record<string, unknown>;
  const field = (name: string): string | undefined => {
    const value = record[name];
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value !== "string") {
      throw new ConfigError(`В настройках поле «${name}» должно быть строкой.`);
    }
    return value.trim();
  };
  const required = (name: string): string => {
    const value = field(name);
    if (!value) throw new ConfigError(`В настройках не задано поле «${name}».`);
    return value;
  };

  const apiBase = required("apiBase");
  const region = required("region");
  const userPoolId = required("userPoolId");
  const userPoolClientId = required("userPoolClientId");
  const cognitoEndpoint = field("cognitoEndpoint") ?? `https://cognito-idp.${region}.amazonaws.com/`;

  if (!apiBase.startsWith("/") && !isHttpUrl(apiBase)) {
    throw new ConfigError("Поле «apiBase» должно быть путём (например, /api) или адресом http(s)://…");
  }
  if (!isHttpUrl(cognitoEndpoint)) {
    throw new ConfigError("Поле «cognitoEndpoint» должно быть адресом http(s)://…");
  }
  const revoke = record.revokeTokensOnSignOut;
  if (revoke !== undefined && revoke !== null && typeof revoke !== "boolean") {
    throw new ConfigError("В настройках поле «revokeTokensOnSignOut» должно быть true или false.");
  }

  return {
    apiBase: apiBase.replace(/\/+$/, ""),
    region,
    userPoolId,
    userPoolClientId,
    cognitoEndpoint,
    revokeTokensOnSignOut: typeof revoke === "boolean" ? revoke : new URL(cognitoEndpoint).hostname.endsWith(".amazonaws.com"),
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
