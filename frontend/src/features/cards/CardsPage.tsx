import type { Card } from "../../api/models";
import { useBankNames, useDashboard } from "../../api/queries";
import { Link } from "react-router";
import { paymentPath } from "../../lib/links";
import { ErrorView } from "../../ui/ErrorView";
import { Progress } from "../../ui/Progress";
import { StaleBanners } from "../../ui/StaleBanners";
import { Empty, Skeleton } from "../../ui/States";
import { useFormat, type Format } from "../../ui/useFormat";

const USED_SOURCE: Readonly<Record<Card["used_source"], string>> = {
  bank: "сообщил банк",
  derived: "лимит минус доступный остаток",
  account: "по остатку счёта карты",
  unknown: "банк не сообщил, сколько потрачено",
};

/** Credit cards: what is used of the limit (the debt — the limit itself never is), and the next payment. */
export function CardsPage() {
  const answer = useDashboard();
  const names = useBankNames();
  const format = useFormat();
  if (answer.isPending) return <Skeleton lines={6} label="Загружаем карты…" />;
  if (answer.isError) return <ErrorView error={answer.error} onRetry={() => void answer.refetch()} />;
  const { debt } = answer.data.dashboard;
  return (
    <div className="page" data-testid="cards-page">
      <h1 className="page__title">Кредитные карты</h1>
      <StaleBanners freshness={answer.data.freshness} />
      {debt.cards.length === 0 ? (
        <Empty testId="cards-empty">Кредитных карт в подключённых банках нет.</Empty>
      ) : (
        <>
          <section className="card" aria-label="Итого">
            <dl className="facts-grid">
              <div>
                <dt>Долг по картам</dt>
                <dd data-testid="cards-used-total">{format.money(debt.cards_used_total)}</dd>
              </div>
            </dl>
            <p className="muted small">Долг — это потраченная часть лимита. Сам лимит долгом не считается.</p>
          </section>
          <ul className="items">
            {debt.cards.map((card) => (
              <CardItem key={`${card.bank_id}/${card.agreement_id}`} card={card} bank={names[card.bank_id] ?? card.bank_id} format={format} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function CardItem({ card, bank, format }: { card: Card; bank: string; format: Format }) {
  const share = card.utilisation_percent === null || card.utilisation_percent === undefined ? null : Number(card.utilisation_percent);
  const tone = share === null || share <= 30 ? "ok" : share < 90 ? "warn" : "danger";
  return (
    <li className="card" data-testid={`card-${card.agreement_id}`}>
      <div className="item__head">
        <p className="item__name">{card.name}</p>
        <span className="muted">{bank}</span>
      </div>
      <div>
        <p>
          Потрачено <strong data-testid="card-used">{format.money(card.used, card.currency)}</strong>
          {card.credit_limit && <> из {format.money(card.credit_limit, card.currency)}</>}
          {share !== null && <> · {format.percent(share)}</>}
        </p>
        {share !== null && <Progress percent={share} label={`Использовано ${format.percent(share)} лимита`} tone={tone} />}
        <p className="muted small">Как узнали: {USED_SOURCE[card.used_source]}.</p>
      </div>
      <dl className="facts-grid">
        <div>
          <dt>Минимальный платёж</dt>
          <dd>
            {format.money(card.min_payment, card.currency)}
            {card.min_payment_estimated && <span className="muted"> · оценка 5 %</span>}
          </dd>
        </div>
        <div>
          <dt>Дата платежа</dt>
          <dd>{card.next_payment_date ? format.day(card.next_payment_date) : "банк не сообщил"}</dd>
        </div>
        <div>
          <dt>Ставка</dt>
          <dd>{card.rate ? format.percent(card.rate, 2) : "—"}</dd>
        </div>
        {Number(card.overdue) > 0 && (
          <div>
            <dt>Просрочено</dt>
            <dd className="danger">{format.money(card.overdue, card.currency)}</dd>
          </div>
        )}
      </dl>
      {Number(card.used) > 0 && (
        <div className="actions">
          <Link className="button button--primary" to={paymentPath("mdp", card, card.min_payment)} data-testid="card-pay-mdp">
            Внести минимальный платёж
          </Link>
          <Link className="button button--secondary" to={paymentPath("adp", card)} data-testid="card-pay-adp">
            Погасить больше
          </Link>
        </div>
      )}
    </li>
  );
}
