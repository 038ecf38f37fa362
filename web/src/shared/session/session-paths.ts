import type { SessionPaths } from './session';

export const LEARNER_SESSION: { name: string; paths: SessionPaths } = {
  name: 'alp-learner',
  paths: { refresh: '/api/v1/auth/refresh', logout: '/api/v1/auth/logout' },
};

export const ADMIN_SESSION: { name: string; paths: SessionPaths } = {
  name: 'alp-admin',
  paths: { refresh: '/api/v1/admin/auth/refresh', logout: '/api/v1/admin/auth/logout' },
};
