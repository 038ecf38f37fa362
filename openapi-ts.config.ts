// `npm run contract:types`: the TypeScript types of every wire shape, generated from openapi.yaml into one
// committed file that the server's routers and the web app both import (docs/decisions.md says why this generator).
import { defineConfig } from '@hey-api/openapi-ts';

export default defineConfig({
  input: 'openapi.yaml',
  output: { path: 'src/contract/generated', indexFile: false, postProcess: [] },
  plugins: ['@hey-api/typescript'],
});
