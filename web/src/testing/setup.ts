import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom has no CSS.escape; React Aria's modal uses it to find its own meta tags.
if (typeof globalThis.CSS === 'undefined') (globalThis as { CSS?: unknown }).CSS = {};
if (typeof CSS.escape !== 'function') CSS.escape = (value: string) => value.replace(/[^\w-]/g, (c) => `\\${c}`);

afterEach(() => cleanup());
