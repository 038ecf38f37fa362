import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AutosaveStatus } from '../api/autosave';

/** The autosave status, announced politely: screen readers hear it when it changes, never mid-sentence. */
export function SavingStatus({ status }: { status: AutosaveStatus }) {
  const { t } = useTranslation();
  return (
    <span role="status" aria-live="polite">
      {status === 'saving'
        ? t('sitting.saving')
        : status === 'saved'
          ? t('sitting.saved')
          : status === 'failed'
            ? t('sitting.failed')
            : ''}
    </span>
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 75 s → "1:15", 3,700 s → "1:01:40". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/**
 * The time left until `deadlineAt`, counted on the server's clock (this browser's clock plus `serverOffsetMs`), so
 * a wrong clock on the device does not shorten or stretch the sitting. The countdown itself is silent (a timer);
 * five minutes, one minute and the end are announced once each.
 */
export function TimeLeft({ deadlineAt, serverOffsetMs }: { deadlineAt: string; serverOffsetMs: number }) {
  const { t } = useTranslation();
  const deadline = Date.parse(deadlineAt);
  const [left, setLeft] = useState(() => deadline - (Date.now() + serverOffsetMs));
  useEffect(() => {
    const tick = () => setLeft(deadline - (Date.now() + serverOffsetMs));
    tick();
    const interval = setInterval(tick, 1000);
    return () => clearInterval(interval);
  }, [deadline, serverOffsetMs]);
  const milestone =
    left <= 0
      ? 'sitting.timeUp'
      : left <= 60_000
        ? 'sitting.oneMinute'
        : left <= 300_000
          ? 'sitting.fiveMinutes'
          : null;
  return (
    <>
      <span role="timer">
        {left <= 0 ? t('sitting.timeUp') : t('sitting.timeLeft', { time: formatDuration(left) })}
      </span>
      <span className="visually-hidden" aria-live="polite">
        {milestone === null ? '' : t(milestone)}
      </span>
    </>
  );
}
