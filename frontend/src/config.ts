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
  readonly passwordPolicy: PasswordPolicy;
  /** Not AWS's Cognito: the local stack, which prints e-mailed codes in its console. */
  readonly localAuth: boolean;
}

/** The user pool's password rules, shown while typing (config.json `passwordPolicy`). */
export interface PasswordPolicy {
  readonly minLength: number;
  readonly requireLowercase: boolean;
  readonly requireUppercase: boolean;
  readonly requireNumbers: boolean;
  readonly requireSymbols: boolean;
}

/** template.yaml's UserPool PasswordPolicy, used when config.json does not say. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 12,
  requireLowercase: true,
  requireUppercase: true,
  requireNumbers: true,
  requireSymbols: false,
};

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

  const local = !new URL(cognitoEndpoint).hostname.endsWith(".amazonaws.com");
  return {
    apiBase: apiBase.replace(/\/+$/, ""),
    region,
    userPoolId,
    userPoolClientId,
    cognitoEndpoint,
    revokeTokensOnSignOut: typeof revoke === "boolean" ? revoke : !local,
    passwordPolicy: parsePasswordPolicy(record.passwordPolicy),
    localAuth: local,
  };
}

function parsePasswordPolicy(raw: unknown): PasswordPolicy {
  if (raw === undefined || raw === null) return DEFAULT_PASSWORD_POLICY;
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new ConfigError("В настройках поле «passwordPolicy» должно быть объектом.");
  }
  const r = raw as Record<string, unknown>;
  const flag = (name: keyof PasswordPolicy): boolean => {
    const value = r[name];
    if (value === undefined) return DEFAULT_PASSWORD_POLICY[name] as boolean;
    if (typeof value !== "boolean") throw new ConfigError(`В настройках «passwordPolicy.${name}» должно быть true или false.`);
    return value;
  };
  const minLength = r.minLength ?? DEFAULT_PASSWORD_POLICY.minLength;
  if (typeof minLength !== "number" || !Number.isInteger(minLength) || minLength < 6 || minLength > 99) {
    throw new ConfigError("В настройках «passwordPolicy.minLength» должно быть целым числом от 6 до 99.");
  }
  return {
    minLength,
    requireLowercase: flag("requireLowercase"),
    requireUppercase: flag("requireUppercase"),
    requireNumbers: flag("requireNumbers"),
    requireSymbols: flag("requireSymbols"),
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
