import type { BankConsents } from "../../api/models";

export type { ConsentKind } from "../../api/models";
export type KindStateView = BankConsents["accounts"];
