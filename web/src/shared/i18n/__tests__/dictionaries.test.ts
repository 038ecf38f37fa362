import { describe, expect, it } from 'vitest';
import { en } from '../en';
import { ru } from '../ru';

describe('dictionaries', () => {
  const plural = /_(one|few|many|other)$/;
  const bases = (keys: string[]) => [...new Set(keys.map((key) => key.replace(plural, '')))].sort();

  it('Russian has every English message and nothing else', () => {
    expect(bases(Object.keys(ru))).toEqual(bases(Object.keys(en)));
  });

  it('Russian has all four plural forms wherever English has a plural', () => {
    for (const key of Object.keys(en).filter((k) => k.endsWith('_other'))) {
      const base = key.replace(plural, '');
      for (const form of ['one', 'few', 'many', 'other'])
        expect(ru, `${base}_${form}`).toHaveProperty(`${base}_${form}`);
    }
  });

  it('keeps the same interpolation variables in both languages', () => {
    const vars = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(ru)) {
      const english =
        (en as Record<string, string>)[key] ?? (en as Record<string, string>)[key.replace(plural, '_other')];
      expect(vars(text), key).toEqual(vars(english!));
    }
  });
});
