import { Link } from "react-router";
import type { ProductView, ProductsFilters } from "../../api/models";
import { useBanks, useProducts } from "../../api/queries";
import { parseAmount } from "../../lib/amount";
import { wordForKind } from "../../lib/productRights";
import { PATHS, depositOpenPath } from "../../lib/links";
import { useSearchParamsUpdate } from "../../lib/searchParams";
import { ErrorView } from "../../ui/ErrorView";
import { Field } from "../../ui/Field";
import { SelectField } from "../../ui/SelectField";
import { ProductRightsRequest } from "../../ui/ProductRightsRequest";
import { Empty, Skeleton } from "../../ui/States";
import { useFormat, type Format } from "../../ui/useFormat";
import { KIND_LABEL, missingText } from "./wording";

type FilterKey = "type" | "bank_id" | "amount" | "term_months" | "sort";

/** Every connected bank's products (as last synced), best rate first, with what the consent lacks. */
export function ProductsPage() {
  const [params, updateParams] = useSearchParamsUpdate();
  const typed = parseAmount(params.get("amount") ?? "");
  const amount = typed.clean && !typed.error ? typed.clean : undefined;
  const term = Number(params.get("term_months") ?? "");
  const filters: ProductsFilters = {
    type: (params.get("type") ?? "deposit") as NonNullable<ProductsFilters["type"]>,
    ...(params.get("bank_id") ? { bank_id: params.get("bank_id") } : {}),
    ...(amount ? { amount } : {}),
    ...(Number.isInteger(term) && term > 0 ? { term_months: term } : {}),
    sort: params.get("sort") === "rate_asc" ? "rate_asc" : "rate_desc",
  };
  if (params.get("type") === "all") delete filters.type;
  const products = useProducts(filters);
  const banks = useBanks();
  const format = useFormat();
  const set = (key: FilterKey) => (e: React.ChangeEvent<HTMLSelectElement | HTMLInputElement>) => {
    const value = e.target.value;
    updateParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  };
  const bankName = (id: string) => banks.data?.banks.find((b) => b.bank_id === id)?.name ?? id;
  const withoutConsent = (products.data?.catalogs ?? []).filter((c) => !c.product_consent);
  return (
    <div className="page" data-testid="products-page">
      <h1 className="page__title">Продукты ваших банков</h1>
      <p className="muted">Вклады, кредиты и карты из каталогов подключённых банков. Вклад можно открыть прямо здесь, если согласие на продукты в этом банке это разрешает.</p>
      <section className="card" aria-labelledby="product-filters">
        <h2 id="product-filters" className="visually-hidden">
          Фильтры
        </h2>
        <div className="filters" data-testid="product-filters">
          <SelectField
            id="pr-type"
            label="Вид"
            anyLabel="Вклады"
            value={params.get("type") === "deposit" ? "" : params.get("type")}
            onChange={set("type")}
            testId="pr-type"
            options={[{ value: "all", label: "Все" }, ...["loan", "credit_card", "debit_card", "account"].map((k) => ({ value: k, label: KIND_LABEL[k] ?? k }))]}
          />
          <SelectField id="pr-bank" label="Банк" anyLabel="Все банки" value={params.get("bank_id")} onChange={set("bank_id")} testId="pr-bank" options={(banks.data?.banks ?? []).map((b) => ({ value: b.bank_id, label: b.name }))} />
          <Field label="Сумма, ₽" inputMode="decimal" value={params.get("amount") ?? ""} onChange={set("amount")} error={typed.error} data-testid="pr-amount" hint="Покажем, подходит ли она" />
          <Field label="Срок, мес." inputMode="numeric" value={params.get("term_months") ?? ""} onChange={set("term_months")} data-testid="pr-term" />
          <SelectField id="pr-sort" label="Порядок" anyLabel="Сначала выше ставка" value={params.get("sort") === "rate_asc" ? "rate_asc" : ""} onChange={set("sort")} testId="pr-sort" options={[{ value: "rate_asc", label: "Сначала ниже ставка" }]} />
        </div>
      </section>
      <section className="card" aria-labelledby="product-list" data-testid="products-list" aria-busy={products.isFetching}>
        <h2 id="product-list">Предложения</h2>
        {withoutConsent.length > 0 && (
          <div className="hero__warn" data-testid="products-no-consent">
            <p>
              Нет согласия на продукты: {withoutConsent.map((c) => bankName(c.bank_id)).join(", ")}. Без него FinPulse не видит и не открывает продукты этих банков. Все согласия — на странице <Link to={PATHS.connections}>«Банки»</Link>.
            </p>
            {withoutConsent.map((c) => (
              <ProductRightsRequest key={c.bank_id} bankId={c.bank_id} bankName={bankName(c.bank_id)} need={{ open: true, type: "deposit", amount }} label={`Дать согласие на продукты в ${bankName(c.bank_id)}`} testId={`rights-${c.bank_id}`} />
            ))}
          </div>
        )}
        {products.isPending && <Skeleton lines={4} label="Загружаем продукты…" />}
        {products.isError && <ErrorView error={products.error} onRetry={() => void products.refetch()} />}
        {products.data && products.data.products.length === 0 && <Empty testId="products-empty">Под эти условия ничего не нашлось. Измените сумму, срок или вид продукта.</Empty>}
        <ul className="items">
          {products.data?.products.map((p) => <ProductRow key={`${p.bank_id}/${p.product_id}`} product={p} amount={amount} format={format} />)}
        </ul>
      </section>
    </div>
  );
}

function ProductRow({ product: p, amount, format }: { product: ProductView; amount: string | undefined; format: Format }) {
  const limits = [p.min_amount && `от ${format.money(p.min_amount, p.currency)}`, p.max_amount && `до ${format.money(p.max_amount, p.currency)}`].filter(Boolean).join(" ");
  const commission = Number(p.commission_percent) > 0 ? `комиссия ${format.percent(p.commission_percent, 2)}` : Number(p.commission_amount) > 0 ? `комиссия ${format.money(p.commission_amount, p.currency)}` : null;
  return (
    <li className="row product" data-testid="product" data-bank={p.bank_id} data-product={p.product_id} data-can-open={p.can_open}>
      <div>
        <p className="item__name">{p.name}</p>
        <p className="muted small">
          {p.bank_name} · {KIND_LABEL[p.kind] ?? p.kind}
          {p.term_months && ` · до ${p.term_months} мес.`}
          {limits && ` · ${limits}`}
          {commission && ` · ${commission}`}
        </p>
        {p.description && <p className="small">{p.description}</p>}
        {!p.can_open && p.kind === "deposit" && (
          <p className="small product__missing" data-testid="product-missing">
            Открыть нельзя: {p.missing.map((m) => lowerFirst(missingText(m))).join(" ")}
          </p>
        )}
        {!p.can_open && p.kind === "deposit" && p.missing.some((m) => m.code !== "PRODUCT_CONSENT_REQUIRED") && (
          <ProductRightsRequest bankId={p.bank_id} bankName={p.bank_name} need={{ open: true, type: wordForKind(p.kind), amount: amount ?? p.min_amount }} testId="product-rights" />
        )}
      </div>
      <span className="row__amount">{p.rate ? `${format.percent(p.rate, 2)} годовых` : "—"}</span>
      {p.kind === "deposit" && p.can_open && (
        <Link className="button button--primary button--small" to={depositOpenPath(p.bank_id, p.product_id)} data-testid="product-open">
          Открыть вклад
        </Link>
      )}
    </li>
  );
}

const lowerFirst = (text: string): string => text.charAt(0).toLocaleLowerCase("ru-RU") + text.slice(1);
