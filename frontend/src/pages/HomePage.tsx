import { BanksSection } from "../components/BanksSection";
import { ProfileCard } from "../components/ProfileCard";

export function HomePage() {
  return (
    <div className="page">
      <h1 className="page__title">Главная</h1>
      <div className="grid">
        <ProfileCard />
        <BanksSection />
      </div>
    </div>
  );
}
