import type { ConsentView } from "../api/models";
import { plural } from "../lib/format";
import type { Format } from "./useFormat";

type Removal = NonNullable<ConsentView["data_removal"]>;

/** Why the consent ended, in Russian, from who ended it (its last history entry). */
export function whyEnded(consent: ConsentView, bankName: string, day: (iso: string) => string): string {
  const source = consent.history.at(-1)?.source ?? "bank";
  if (source === "user") return "Вы отозвали это согласие.";
  if (source === "renewal") return "Согласие заменено продлением.";
  if (consent.status === "expired" && source === "clock") {
    return consent.expires_at ? `Срок согласия истёк ${day(consent.expires_at)}.` : "Срок согласия истёк.";
  }
  return consent.status === "revoked" ? `${bankName} сообщил, что согласие отозвано в банке.` : `${bankName} сообщил, что срок согласия истёк.`;
}

/**
 * What happened to the data an ended consent brought in (issue 9: revoked or expired means
 * deleted): how many items were deleted and when, what could not be yet, or that another live
 * consent still covers it and nothing was deleted.
 */
export function DataRemoved({
  consent,
  removal,
  bankName,
  format,
}: {
  consent: ConsentView;
  removal: Removal;
  bankName: string;
  format: Pick<Format, "date" | "dateTime">;
}) {
  const n = removal.deleted_items;
  const kept = n === 0 && removal.reason.startsWith("Data kept");
  return (
    <div className="kind-row__meta" data-testid="data-removed">
      <p>
        {whyEnded(consent, bankName, (iso) => format.date(iso))}{" "}
        {kept
          ? "Данные сохранены: их покрывает другое действующее согласие."
          : n > 0
            ? `FinPulse удалил полученные по нему данные — ${n.toLocaleString("ru-RU")} ${plural(n, ["запись", "записи", "записей"])}, ${format.dateTime(removal.at)}.`
            : "Данных по нему не было, удалять было нечего."}
        {!kept && consent.history.at(-1)?.source !== "user" && " Подключите банк снова, чтобы снова их видеть."}
      </p>
      {(removal.not_deleted ?? []).length > 0 && (
        <p data-testid="data-not-deleted">
          Удалено ещё не всё, FinPulse повторит при следующем обновлении: <span lang="en">{(removal.not_deleted ?? []).join("; ")}</span>
        </p>
      )}
    </div>
  );
}
