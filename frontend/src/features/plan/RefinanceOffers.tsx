import { Link } from "react-router";
import type { Dashboard } from "../../api/models";
import { refinancePath } from "../../lib/links";
import { Empty } from "../../ui/States";
import { TableWrap } from "../../ui/TableWrap";
import type { Format } from "../../ui/useFormat";

/** Refinance offers from every connected bank's catalog, each net of its commission. */
export function RefinanceOffers({
  dashboard,
  names,
  nameOf,
  format,
}: {
  dashboard: Dashboard;
  names: Readonly<Record<string, string>>;
  nameOf: (ref: string) => string;
  format: Format;
}) {
  const offers = dashboard.recommendations.refinance;
  const reasons = dashboard.recommendations.refinance_reasons ?? [];
  return (
    <section className="card" aria-labelledby="refi-title" data-testid="refinance">
      <h2 id="refi-title">Рефинансирование</h2>
      {offers.length === 0 ? (
        <Empty testId="refinance-empty">
          <p>Выгодных предложений нет.</p>
          {reasons.length > 0 ? (
            <ul className="small">
              {reasons.map((r) => (
                <li key={r.loan} data-testid="refinance-reason">
                  «{nameOf(r.loan)}»: {r.reason}
                </li>
              ))}
            </ul>
          ) : (
            <p className="small">{dashboard.debt.loans.length === 0 ? "Кредитов нет — рефинансировать нечего." : ""}</p>
          )}
        </Empty>
      ) : (
        <TableWrap label="Предложения по рефинансированию">
          <table className="table" data-testid="refinance-table">
            <caption className="visually-hidden">Предложения по рефинансированию</caption>
            <thead>
              <tr>
                <th scope="col">Кредит</th>
                <th scope="col">Банк и продукт</th>
                <th scope="col" className="num">Ставка</th>
                <th scope="col" className="num">Новый платёж</th>
                <th scope="col" className="num">Экономия в месяц</th>
                <th scope="col" className="num">Выгода с учётом комиссии</th>
                <th scope="col" className="num">Окупится</th>
              </tr>
            </thead>
            <tbody>
              {offers.map((o) => (
                <tr key={`${o.loan}-${o.offer_bank_id}-${o.product_id}`} data-testid="refinance-offer" data-loan={o.loan} data-bank={o.offer_bank_id}>
                  <td>{nameOf(o.loan)}</td>
                  <td>
                    {names[o.offer_bank_id] ?? o.offer_bank_id}, «{o.product_name}»<span className="muted small"> · {o.term_months} мес.</span>
                    <br />
                    <Link className="button button--primary button--small" to={refinancePath(o.loan, o.offer_bank_id, o.product_id)} data-testid="refinance-start" aria-label={`Рефинансировать «${nameOf(o.loan)}» в ${names[o.offer_bank_id] ?? o.offer_bank_id}`}>
                      Рефинансировать
                    </Link>
                  </td>
                  <td className="num">
                    {format.percent(o.new_rate, 2)}
                    <span className="muted small"> вместо {format.percent(o.current_rate, 2)}</span>
                  </td>
                  <td className="num">
                    {format.money(o.new_payment)}
                    <span className="muted small"> вместо {format.money(o.current_payment)}</span>
                  </td>
                  <td className="num">{format.money(o.monthly_saving)}</td>
                  <td className="num">
                    {format.money(o.total_saving)}
                    <span className="muted small"> · комиссия {format.money(o.commission)}</span>
                  </td>
                  <td className="num">{o.break_even_month}-й мес.</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
