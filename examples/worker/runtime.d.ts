// The few Workers runtime shapes this example touches. Declared here because
// @cloudflare/workers-types is not a dependency and `wrangler types` emits ~500 KB of them.

declare module "cloudflare:workers" {
  /** Base class of an RPC-capable Durable Object. */
  export abstract class DurableObject<Env = unknown> {
    protected ctx: DurableObjectState;
    protected env: Env;
    constructor(ctx: DurableObjectState, env: Env);
  }
}

/** The state handed to a Durable Object. */
interface DurableObjectState {
  readonly storage: {
    get<T>(key: string): Promise<T | undefined>;
    put<T>(key: string, value: T, options?: { allowUnconfirmed?: boolean }): Promise<void>;
    setAlarm(scheduledTime: number, options?: { allowUnconfirmed?: boolean }): Promise<void>;
    deleteAll(): Promise<void>;
  };
  blockConcurrencyWhile<T>(callback: () => Promise<T>): Promise<T>;
}

/** A named Durable Object class binding. */
interface DurableObjectNamespace<T> {
  idFromName(name: string): DurableObjectId;
  get(id: DurableObjectId): DurableObjectStub<T>;
}

interface DurableObjectId {
  toString(): string;
}

/** RPC stub: every method of the object, returning a promise. */
type DurableObjectStub<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

/** The third argument of a Worker's `fetch` handler. */
interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}
