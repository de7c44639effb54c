// The names the main step's saved state goes under, read by the post step. A module of their own:
// the post step, which usually has nothing to do, must not load the build pipeline to learn them.
/** Where the main step leaves the build cache to save (a JSON CacheState). */
export const CACHE_STATE = 'build-cache';
/** What the post step says when it has no cache to save, because the main step knows why. */
export const CACHE_POST_NOTE_STATE = 'build-cache-post-note';
/** Set when SIGINT/SIGTERM stopped the main step: the post step saves nothing from it. */
export const CANCELLED_STATE = 'cancelled';
/** Set when the cache service failed or hung in the main step: the post step does not ask it again. */
export const CACHE_SERVICE_DOWN_STATE = 'cache-service-down';
