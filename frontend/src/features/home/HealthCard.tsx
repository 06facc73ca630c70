import type { Health } from "../../api/models";
import type { Format } from "../../ui/useFormat";

const COMPONENT: Readonly<Record<string, string>> = {
  debt_to_income: "Долговая нагрузка",
  buffer: "Запас денег",
  overdue: "Просрочки",
  card_utilisation: "Кредитные карты",
  income_regularity: "Регулярность дохода",
};

function tone(score: number): "ok" | "warn" | "danger" {
  if (score >= 70) return "ok";
  if (score >= 40) return "warn";
  return "danger";
}

/** The 0–100 score as a half-circle gauge, the five parts with their reasons, and what to do next. */
export function HealthCard({ health, format }: { health: Health; format: Format }) {
  const t = tone(health.score);
  return (
    <section className="card" aria-labelledby="health-title" data-testid="health">
      <header className="card__header">
        <h2 id="health-title">Финансовое здоровье</h2>
      </header>
      <Gauge score={health.score} tone={t} />
      <ul className="health-parts">
        {health.components.map((c) => (
          <li key={c.code} data-testid={`health-${c.code}`}>
            <span className="health-parts__name">{COMPONENT[c.code] ?? c.code}</span>
            <span className="health-parts__points">
              {format.number(c.points)} из {format.number(c.max_points)}
            </span>
            <span className="health-parts__reason muted">{c.reason}</span>
          </li>
        ))}
      </ul>
      <p className="next-action" data-testid="health-next-action">
        <strong>Что сделать: </strong>
        {health.next_action}
      </p>
    </section>
  );
}

function Gauge({ score, tone: t }: { score: number; tone: "ok" | "warn" | "danger" }) {
  // A half circle of radius 80: the arc's length is π·80; the filled part is score % of it.
  const length = Math.PI * 80;
  const filled = (Math.max(0, Math.min(100, score)) / 100) * length;
  return (
    <div className="gauge" role="img" aria-label={`Оценка ${score} из 100`}>
      <svg viewBox="0 0 200 112" width="200" height="112" aria-hidden="true">
        <path d="M 20 100 A 80 80 0 0 1 180 100" className="gauge__track" />
        <path d="M 20 100 A 80 80 0 0 1 180 100" className={`gauge__value gauge__value--${t}`} strokeDasharray={`${filled} ${length}`} />
      </svg>
      <p className="gauge__score">
        <span data-testid="health-score">{score}</span>
        <span className="muted"> / 100</span>
      </p>
    </div>
  );
}
