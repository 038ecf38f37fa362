import { Input, Label, NumberField } from 'react-aria-components';
import fieldStyles from '@shared/ui/text-field.module.css';

/** A whole number ≥ 1 or nothing: React Aria's number field refuses anything else as it is typed. */
export function IdField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
}) {
  return (
    <NumberField
      className={fieldStyles.field}
      value={value ?? NaN}
      onChange={(next) => onChange(Number.isNaN(next) ? undefined : next)}
      minValue={1}
      step={1}
      formatOptions={{ useGrouping: false, maximumFractionDigits: 0 }}
    >
      <Label className={fieldStyles.label}>{label}</Label>
      <Input className={fieldStyles.input} size={8} />
    </NumberField>
  );
}
