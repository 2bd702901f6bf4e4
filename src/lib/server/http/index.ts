export { ApiError, E, api, errorResponse, json } from './errors';
export { readJson, body, str, int, num, bool, oneOf, arr, obj, anyJson, type Check } from './body';
export { requireUser, requireRole, CAN } from './guard';
