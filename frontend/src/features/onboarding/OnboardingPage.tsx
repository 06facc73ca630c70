import { useEffect, useRef } from "react";
import { Navigate } from "react-router";
import type { OnboardingBody, OnboardingProgress } from "../../api/models";
import { useOnboarding, useSaveOnboarding } from "../../api/queries";
import { ErrorView } from "../../ui/ErrorView";
import { Skeleton } from "../../ui/States";
import { BanksStep } from "./BanksStep";
import { ConsentsStep } from "./ConsentsStep";
import { GoalsStep } from "./GoalsStep";
import { Stepper } from "./Stepper";
import { SyncStep } from "./SyncStep";

export type SaveProgress = (next: Partial<OnboardingBody>) => Promise<OnboardingProgress>;

/**
 * The guided first run: who you are at each bank → consents (live) → goals → first sync → home.
 * The step and choices are saved on the server, so a reload or another device resumes here.
 */
export function OnboardingPage() {
  const onboarding = useOnboarding();
  const save = useSaveOnboarding();
  const heading = useRef<HTMLHeadingElement>(null);
  const step = onboarding.data?.step;

  useEffect(() => {
    heading.current?.focus(); // a new step is announced and keyboard users start at its top
  }, [step]);

  if (onboarding.isPending) return <Skeleton lines={5} label="Загружаем настройку…" />;
  if (onboarding.isError) return <ErrorView error={onboarding.error} onRetry={() => void onboarding.refetch()} />;
  const progress = onboarding.data;
  if (progress.completed_at) return <Navigate to="/" replace />;

  const saveProgress: SaveProgress = (next) =>
    save.mutateAsync({
      step: next.step ?? progress.step,
      banks: next.banks ?? progress.banks ?? [],
      sync_id: next.sync_id === undefined ? (progress.sync_id ?? null) : next.sync_id,
    });

  return (
    <div className="page onboarding" data-testid="onboarding" data-step={progress.step}>
      <div>
        <h1 className="page__title" ref={heading} tabIndex={-1}>
          Настройка FinPulse
        </h1>
        <p className="muted">Четыре шага, и вы увидите деньги во всех банках. Можно прерваться: продолжите с этого места.</p>
      </div>
      <Stepper current={progress.step} />
      {save.isError && <ErrorView error={save.error} title="Не удалось сохранить шаг" />}
      {progress.step === "banks" && <BanksStep progress={progress} save={saveProgress} />}
      {progress.step === "consents" && <ConsentsStep progress={progress} save={saveProgress} />}
      {progress.step === "goals" && <GoalsStep save={saveProgress} />}
      {(progress.step === "sync" || progress.step === "done") && <SyncStep progress={progress} save={saveProgress} />}
    </div>
  );
}
