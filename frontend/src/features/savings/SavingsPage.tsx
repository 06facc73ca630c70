import { Link } from "react-router";
import type { SavingsItem } from "../../api/models";
import { useBankNames, useDashboard } from "../../api/queries";
import { PATHS, depositClosePath, depositOpenPath, paymentPath } from "../../lib/links";
import { ErrorView } from "../../ui/ErrorView";
import { Progress } from "../../ui/Progress";
import { StaleBanners } from "../../ui/StaleBanners";
import { Empty, Skeleton } from "../../ui/States";
import { useFormat, type Format } from "../../ui/useFormat";

/** Deposits and savings accounts with rates and maturities, the goal's progress and the top-up (SDP). */
export function SavingsPage() {
  const answer = useDashboard();
  const names = useBankNames();
  const format = useFormat();
  if (answer.isPending) return <Skeleton lines={6} label="Загружаем накопления…" />;
  if (answer.isError) return <ErrorView error={answer.error} onRetry={() => void answer.refetch()} />;
  const { savings, daily_plan: plan, recommendations } = answer.data.dashboard;
  const goal = savings.goal;
  const sp = recommendations.savings_plan;
  return (
    <div className="page" data-testid="savings-page">
      <h1 className="page__title">Вклады и накопления</h1>
      <StaleBanners freshness={answer.data.freshness} />
      <section className="card" aria-labelledby="goal-title" data-testid="goal">
        <header className="card__header">
          <h2 id="goal-title">Цель</h2>
          <Link to={PATHS.profile}>{goal ? "Изменить цель" : "Задать цель"}</Link>
        </header>
        {goal ? (
          <>
            <p>
              Накоплено <strong data-testid="goal-saved">{format.money(goal.saved)}</strong> из {format.money(goal.target)}
              {goal.goal_date && <> к {format.day(goal.goal_date)}</>} — {format.percent(goal.progress_percent)}
            </p>
            <Progress percent={Number(goal.progress_percent)} label={`Цель выполнена на ${format.percent(goal.progress_percent)}`} testId="goal-progress" />
            <dl className="facts-grid">
              <div>
                <dt>Осталось накопить</dt>
                <dd>{format.money(goal.remaining)}</dd>
              </div>
              <div>
                <dt>Откладывать в день (SDP)</dt>
                <dd data-testid="goal-sdp">{format.money(plan.sdp_daily)}</dd>
              </div>
              {sp && (
                <div>
                  <dt>Откладывать в месяц</dt>
                  <dd>{format.money(sp.monthly_needed)}</dd>
                </div>
              )}
              {goal.days_left !== null && goal.days_left !== undefined && (
                <div>
                  <dt>Дней до срока</dt>
                  <dd>{goal.days_left < 0 ? "срок прошёл" : goal.days_left}</dd>
                </div>
              )}
            </dl>
            {sp?.feasible === false && <p className="hero__warn">С нынешними доходами и расходами откладывать столько не получится: сдвиньте срок или уменьшите цель.</p>}
            {sp?.best_deposit && sp.best_deposit_rate && <BestDeposit best={sp.best_deposit} rate={sp.best_deposit_rate} names={names} format={format} />}
          </>
        ) : (
          <p className="muted" data-testid="goal-none">
            Цель не задана. Задайте сумму и срок — FinPulse посчитает, сколько откладывать каждый день, и учтёт это в «можно тратить».
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="items-title" id="top-up">
        <header className="card__header">
          <h2 id="items-title">Вклады и накопительные счета</h2>
          <span className="card__meta">
            Всего {format.money(savings.total)} · <Link to={PATHS.products} data-testid="savings-catalog">Все вклады ваших банков</Link>
          </span>
        </header>
        {savings.items.length === 0 ? (
          <Empty testId="savings-empty">Вкладов и накопительных счетов в подключённых банках нет.</Empty>
        ) : (
          <ul className="items">
            {savings.items.map((item) => (
              <SavingsRow key={item.ref} item={item} bank={names[item.bank_id] ?? item.bank_id} format={format} sdp={plan.sdp_daily} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function SavingsRow({ item, bank, format, sdp }: { item: SavingsItem; bank: string; format: Format; sdp: string }) {
  return (
    <li className="row" data-testid={`savings-${item.ref}`}>
      <div>
        <p className="item__name">{item.name}</p>
        <p className="muted small">
          {bank} · {item.kind === "deposit" ? "вклад" : "накопительный счёт"}
          {item.masked_account_number && ` · ${item.masked_account_number}`}
          {item.rate && ` · ${format.percent(item.rate, 2)} годовых`}
          {item.maturity_date && ` · до ${format.day(item.maturity_date)}`}
        </p>
      </div>
      <span className="row__amount">{format.money(item.amount, item.currency)}</span>
      <Link className="button button--secondary button--small" to={paymentPath("sdp", item.kind === "deposit" ? { bank_id: item.bank_id, agreement_id: item.ref } : { bank_id: item.bank_id, account_id: item.ref }, sdp)} data-testid="savings-top-up">
        Пополнить
      </Link>
      {item.kind === "deposit" && (
        <Link className="button button--ghost button--small" to={depositClosePath(item.bank_id, item.ref)} data-testid="savings-close" aria-label={`Закрыть вклад «${item.name}»`}>
          Закрыть
        </Link>
      )}
    </li>
  );
}

/** The goal's best deposit across the user's banks (the savings plan's), with the way to open it. */
function BestDeposit({ best, rate, names, format }: { best: string; rate: string; names: Readonly<Record<string, string>>; format: Format }) {
  const [bank = "", ...rest] = best.split("/");
  return (
    <div className="next-action" data-testid="goal-best-deposit">
      <p>
        Лучший вклад для этой цели среди ваших банков: {names[bank] ?? bank}, под {format.percent(rate, 2)} годовых.
      </p>
      <Link className="button button--primary button--small" to={depositOpenPath(bank, rest.join("/"), "goal")} data-testid="goal-open-deposit">
        Открыть вклад
      </Link>
    </div>
  );
}
