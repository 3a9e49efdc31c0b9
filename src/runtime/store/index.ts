/** The guard's state stores: in memory (the default) and in Redis (shared by processes). */
export { memoryStore, type MemoryStoreOptions } from "./memory.js";
export { redisStore, DEFAULT_TIMEOUT_MS, type RedisStoreOptions } from "./redis.js";
export {
  StateUnavailableError,
  type AdmitAnswer,
  type AdmitRequest,
  type BudgetExceeded,
  type DenialAnswer,
  type DenialRequest,
  type StateScope,
  type StateStore,
  type StoreLimits,
} from "./types.js";
