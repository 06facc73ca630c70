/**
 * Tiny runtime decoders for API responses: they check what the UI relies on, keep unknown
 * extra fields out of the way, and fail with a clear path when the shape is wrong.
 */

export class DecodeError extends Error {
  override readonly name = "DecodeError";
}

export type Decoder<T> = (value: unknown, path?: string) => T;

export function record(value: unknown, path = "$"): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new DecodeError(`${path}: expected an object`);
  }
  return value as Record<string, unknown>;
}

export function string(value: unknown, path = "$"): string {
  if (typeof value !== "string") throw new DecodeError(`${path}: expected a string`);
  return value;
}

export function optionalString(value: unknown, path = "$"): string | undefined {
  return value === undefined || value === null ? undefined : string(value, path);
}

export function boolean(value: unknown, path = "$"): boolean {
  if (typeof value !== "boolean") throw new DecodeError(`${path}: expected a boolean`);
  return value;
}

export function array<T>(item: Decoder<T>): Decoder<T[]> {
  return (value, path = "$") => {
    if (!Array.isArray(value)) throw new DecodeError(`${path}: expected an array`);
    return value.map((element, index) => item(element, `${path}[${index}]`));
  };
}
