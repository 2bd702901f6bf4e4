/** Accounts, passwords, sessions and login limits. Server only. */
export { hashPassword, verifyPassword, dummyHash, MIN_PASSWORD } from './password';
export {
	SESSION_COOKIE,
	createSession,
	validateSession,
	deleteSession,
	sha256,
	type SessionUser
} from './sessions';
export { recentFailures, recordAttempt } from './limits';
export {
	createUser,
	updateUser,
	listUsers,
	ensureAdmin,
	completeSetup,
	checkLogin,
	UserError,
	LOGIN_PATTERN,
	type UserInfo
} from './users';
