import { useMemo, useState } from "react";
import type { BankConsents, ConsentKind, InitResult, OnboardingProgress } from "../../api/models";
import { hasPending, useBanks, useConsents, useInitConsents } from "../../api/queries";
import type { components } from "../../api/schema";
import { ErrorView } from "../../ui/ErrorView";
import { Skeleton } from "../../ui/States";
import { useRefreshOnReturn } from "../../ui/useRefreshOnReturn";
import { ConsentCardView } from "../../ui/ConsentCardView";
import { ConsentChoices } from "./ConsentChoices";
import { consentCard } from "../../ui/consentCard";
import type { SaveProgress } from "./OnboardingPage";
import { DEFAULT_LIMITS, toPaymentLimits, validateLimits, type LimitsDraft, type LimitsErrors } from "./paymentLimits";

type BankPlan = components["schemas"]["BankPlan"];
type Results = Record<string, Partial<Record<ConsentKind, InitResult>>>;

export const kindsOf = (plan: BankPlan): ConsentKind[] => [
  "accounts",
  ...(plan.products ? (["products"] as const) : []),
  ...(plan.payments ? (["payments"] as const) : []),
];

const requested = (bank: BankConsents | undefined): boolean =>
  Boolean(bank && (bank.accounts.current || bank.products.current || bank.payments.current));

/** Step 2: choose the consents per bank, ask every bank in one `init`, watch each card go live. */
export function ConsentsStep({ progress, save }: { progress: OnboardingProgress; save: SaveProgress }) {
  const banks = useBanks();
  const consents = useConsents();
  const init = useInitConsents();
  const [plans, setPlans] = useState<BankPlan[]>(progress.banks ?? []);
  const [limits, setLimits] = useState<Record<string, LimitsDraft>>({});
  const [limitErrors, setLimitErrors] = useState<Record<string, LimitsErrors>>({});
  const [results, setResults] = useState<Results>({});
  const [requesting, setRequesting] = useState<Set<string>>(new Set());
  const [live, setLive] = useState<boolean | null>(null);

  const byBank = useMemo(
    () => new Map((consents.data?.banks ?? []).map((b) => [b.bank_id, b])),
    [consents.data],
  );
  // Resumed after a reload: if the banks were already asked, show their cards straight away.
  const showLive = live ?? plans.some((p) => requested(byBank.get(p.bank_id)));
  const pending = consents.data ? hasPending(consents.data) : false;

  useRefreshOnReturn(pending);

  if (banks.isPending || consents.isPending) return <Skeleton lines={5} label="Загружаем согласия…" />;
  if (banks.isError) return <ErrorView error={banks.error} onRetry={() => void banks.refetch()} />;
  if (consents.isError) return <ErrorView error={consents.error} onRetry={() => void consents.refetch()} />;
  const names = Object.fromEntries(banks.data.banks.map((b) => [b.bank_id, b.name]));

  async function ask(only: BankPlan[]) {
    const ids = new Set(only.map((p) => p.bank_id));
    setRequesting(ids);
    setLive(true);
    try {
      const answer = await init.mutateAsync({
        include_accounts: true,
        banks: only.map((p) => ({
          bank_id: p.bank_id,
          include_products: p.products ?? false,
          include_payments: p.payments ?? false,
          ...(p.payments && limits[p.bank_id] ? { payment_limits: toPaymentLimits(limits[p.bank_id] as LimitsDraft) } : {}),
        })),
      });
      setResults((all) => {
        const next: Results = { ...all };
        for (const id of ids) next[id] = {};
        for (const r of answer.results) next[r.bank_id] = { ...next[r.bank_id], [r.kind]: r };
        return next;
      });
    } finally {
      setRequesting(new Set());
    }
  }

  async function start() {
    const errors = Object.fromEntries(
      plans.filter((p) => p.payments).map((p) => [p.bank_id, validateLimits(limits[p.bank_id] ?? DEFAULT_LIMITS)]),
    );
    setLimitErrors(errors);
    if (Object.values(errors).some((e) => Object.keys(e).length > 0)) return;
    await save({ banks: plans }).catch(() => undefined);
    await ask(plans).catch(() => undefined); // the error is shown from `init`
  }

  const anyConnected = plans.some((p) => byBank.get(p.bank_id)?.accounts.current?.status === "approved");

  if (!showLive) {
    return (
      <section className="card step" data-testid="step-consents">
        <h2>Что FinPulse сможет видеть и делать</h2>
        <p className="muted">Банк спросит ваше согласие на каждый пункт. Отозвать его можно в любой момент.</p>
        <ConsentChoices
          plans={plans}
          banks={banks.data.banks}
          limits={limits}
          limitErrors={limitErrors}
          onPlan={(plan) => {
            setPlans(plans.map((p) => (p.bank_id === plan.bank_id ? plan : p)));
            if (plan.payments && !limits[plan.bank_id]) setLimits({ ...limits, [plan.bank_id]: DEFAULT_LIMITS });
          }}
          onLimits={(bankId, draft) => setLimits({ ...limits, [bankId]: draft })}
        />
        <div className="step__actions">
          <button type="button" className="button button--secondary" onClick={() => void save({ step: "banks" })}>
            Назад
          </button>
          <button type="button" className="button button--primary" onClick={() => void start()} data-testid="consents-request">
            Запросить согласия
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="card step" data-testid="step-consents-live">
      <h2>Подключаем банки</h2>
      <p className="muted" aria-live="polite">
        {pending ? "Ждём ответа банков. Карточки обновляются сами." : "Все банки ответили."}
      </p>
      {init.isError && <ErrorView error={init.error} title="Не удалось отправить запрос" />}
      <div className="bank-cards">
        {plans.map((plan) => {
          const bank = byBank.get(plan.bank_id);
          const cards = kindsOf(plan).map((kind) => {
            const view = bank?.[kind]?.renewal ?? bank?.[kind]?.current;
            return { kind, view, card: consentCard({ requesting: requesting.has(plan.bank_id), result: results[plan.bank_id]?.[kind], view }) };
          });
          const retry = cards.some((c) => c.card.canRetry);
          return (
            <article key={plan.bank_id} className="bank-card" data-testid={`bank-card-${plan.bank_id}`}>
              <header className="bank-card__head">
                <h3>{names[plan.bank_id] ?? plan.bank_id}</h3>
                {retry && (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => void ask([plan]).catch(() => undefined)}
                    disabled={requesting.size > 0}
                    data-testid={`retry-${plan.bank_id}`}
                  >
                    Повторить
                  </button>
                )}
              </header>
              <ul className="consent-cards">
                {cards.map(({ kind, view, card }) => (
                  <ConsentCardView
                    key={kind}
                    bankId={plan.bank_id}
                    bankName={names[plan.bank_id] ?? plan.bank_id}
                    kind={kind}
                    card={card}
                    expiresAt={view?.expires_at}
                    expiresInDays={view?.expires_in_days}
                  />
                ))}
              </ul>
            </article>
          );
        })}
      </div>
      <div className="step__actions">
        {!anyConnected && <p className="muted">Продолжить можно, когда хотя бы один банк подключён.</p>}
        {anyConnected && pending && <p className="muted">Можно продолжать: банк подключится, когда вы подтвердите.</p>}
        <button
          type="button"
          className="button button--primary"
          disabled={!anyConnected}
          onClick={() => void save({ step: "goals", banks: plans }).catch(() => undefined)}
          data-testid="consents-next"
        >
          Далее
        </button>
      </div>
    </section>
  );
}
