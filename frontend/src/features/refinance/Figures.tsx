import type { RefinanceFigures } from "../../api/models";
import type { Format } from "../../ui/useFormat";

/** Old vs new payment, the saving net of commission and the break-even month (the recommendation's own). */
export function Figures({ f, format }: { f: RefinanceFigures; format: Format }) {
  return (
    <dl className="facts-grid" data-testid="refinance-figures">
      <div>
        <dt>Платёж сейчас</dt>
        <dd data-testid="refi-current-payment">{format.money(f.current_payment)} в месяц</dd>
      </div>
      <div>
        <dt>Новый платёж</dt>
        <dd className="figure" data-testid="refi-new-payment">{format.money(f.new_payment)}
          <span className="muted small"> в месяц</span>
        </dd>
      </div>
      <div>
        <dt>Экономия в месяц</dt>
        <dd>{format.money(f.monthly_saving)}</dd>
      </div>
      <div>
        <dt>Комиссия нового банка</dt>
        <dd>{format.money(f.commission)}</dd>
      </div>
      <div>
        <dt>Выгода за весь срок с учётом комиссии</dt>
        <dd className="figure" data-testid="refi-total-saving">{format.money(f.total_saving)}</dd>
      </div>
      <div>
        <dt>Окупится</dt>
        <dd data-testid="refi-break-even">на {f.break_even_month}-й месяц</dd>
      </div>
    </dl>
  );
}
