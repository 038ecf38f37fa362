/** The sitting's messages (docs/product.md, "Exam sittings"): autosave status and the time left. */
export const sittingEn = {
  'sitting.saving': 'Saving your answers…',
  'sitting.saved': 'All answers saved.',
  'sitting.failed': 'Not saved yet: your answers stay here and are sent with the submit.',
  'sitting.timeLeft': 'Time left: {{time}}',
  'sitting.fiveMinutes': 'Five minutes left.',
  'sitting.oneMinute': 'One minute left.',
  'sitting.timeUp': 'Time is up: submit now, or your saved answers are scored.',
  'sitting.expired': 'Time ran out: this attempt was scored on your saved answers.',
} as const;
