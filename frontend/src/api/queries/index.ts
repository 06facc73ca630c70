export * from "./consents";
export { keys } from "./keys";
export * from "./sync";
export * from "./user";
export * from "./money";
export * from "./payments";
export * from "./agreements";
export * from "./refinance";
