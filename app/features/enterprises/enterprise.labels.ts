import type { MessageKey } from '../../lib/i18n/catalog.ts';

/** Message id of a legal form (the directory's labels). */
export const legalFormKey = (form: string) => `organisations.legalForm.${form}` as MessageKey;
export const contractKey = (c: string) => `enterprises.contract.${c}` as MessageKey;
export const decisionKey = (k: string) => `enterprises.decision.kind.${k}` as MessageKey;
export const categoryKey = (c: string) => `participants.side.category.${c}` as MessageKey;
export const psStatusKey = (s: string | null) => `enterprises.ps.${s ?? 'none'}` as MessageKey;
