/** Shapes of FinPulse API responses the UI reads, with their decoders. */
import { array, boolean, optionalString, record, string, type Decoder } from "./decode";

/** GET /api/me — who the verified token says the caller is. */
export interface Me {
  readonly userId: string;
  readonly email: string | undefined;
  readonly username: string | undefined;
}

export const decodeMe: Decoder<Me> = (value, path = "$") => {
  const r = record(value, path);
  return {
    userId: string(r.user_id, `${path}.user_id`),
    email: optionalString(r.email, `${path}.email`),
    username: optionalString(r.username, `${path}.username`),
  };
};

/** One configured bank and the caller's connection state (GET /api/banks). */
export interface Bank {
  readonly bankId: string;
  readonly name: string;
  readonly connected: boolean;
  /** Consents as the API returns them; their shape is defined by the consents feature. */
  readonly consents: readonly unknown[];
  /** Bank status as the API returns it (free-form for now). */
  readonly status: Readonly<Record<string, unknown>> | null;
}

export const decodeBank: Decoder<Bank> = (value, path = "$") => {
  const r = record(value, path);
  const bankId = string(r.bank_id, `${path}.bank_id`);
  return {
    bankId,
    name: optionalString(r.name, `${path}.name`) ?? bankId,
    connected: r.connected === undefined ? false : boolean(r.connected, `${path}.connected`),
    consents: Array.isArray(r.consents) ? r.consents : [],
    status: typeof r.status === "object" && r.status !== null && !Array.isArray(r.status)
      ? (r.status as Record<string, unknown>)
      : null,
  };
};

export const decodeBanks: Decoder<Bank[]> = (value, path = "$") =>
  array(decodeBank)(record(value, path).banks, `${path}.banks`);
