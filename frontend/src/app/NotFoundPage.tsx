import { Link } from "react-router";

export function NotFoundPage() {
  return (
    <div className="page" data-testid="not-found">
      <h1 className="page__title">Страница не найдена</h1>
      <p>
        Такой страницы нет. <Link to="/">Вернуться на главную</Link>
      </p>
    </div>
  );
}
