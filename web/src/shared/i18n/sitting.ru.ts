import type { sittingEn } from './sitting.en';

export const sittingRu: Record<keyof typeof sittingEn, string> = {
  'sitting.saving': 'Сохраняем ответы…',
  'sitting.saved': 'Все ответы сохранены.',
  'sitting.failed': 'Пока не сохранено: ответы остаются здесь и будут отправлены при сдаче.',
  'sitting.timeLeft': 'Осталось времени: {{time}}',
  'sitting.fiveMinutes': 'Осталось пять минут.',
  'sitting.oneMinute': 'Осталась одна минута.',
  'sitting.timeUp': 'Время вышло: сдайте сейчас, иначе будут оценены сохранённые ответы.',
  'sitting.expired': 'Время вышло: попытка оценена по сохранённым ответам.',
};
