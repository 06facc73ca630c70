import type { PasswordPolicy } from "../../config";

export interface PasswordRule {
  readonly id: string;
  readonly label: string;
  readonly met: boolean;
}

/** The pool's rules for `password`, each with whether it is met, in the order they are shown. */
export function passwordRules(password: string, policy: PasswordPolicy): PasswordRule[] {
  const rules: PasswordRule[] = [
    { id: "length", label: `не короче ${policy.minLength} символов`, met: password.length >= policy.minLength },
  ];
  if (policy.requireLowercase) rules.push({ id: "lower", label: "строчная латинская буква", met: /[a-z]/.test(password) });
  if (policy.requireUppercase) rules.push({ id: "upper", label: "заглавная латинская буква", met: /[A-Z]/.test(password) });
  if (policy.requireNumbers) rules.push({ id: "digit", label: "цифра", met: /\d/.test(password) });
  if (policy.requireSymbols) {
    rules.push({ id: "symbol", label: "символ, например ! или %", met: /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+-]/.test(password) });
  }
  return rules;
}

export const meetsPolicy = (password: string, policy: PasswordPolicy): boolean =>
  passwordRules(password, policy).every((rule) => rule.met);
