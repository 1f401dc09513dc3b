/** Where a native inference request stands (`inference_status.status`). */
export type InferenceState = "unknown" | "queued" | "running" | "succeeded" | "failed" | (string & {});

/** DeepInfra's accounting for one native inference call; any field may be absent. */
export interface InferenceStatus {
  status?: InferenceState;
  /** Wall time the model ran, in milliseconds. */
  runtime_ms?: number;
  /** Cost of the call in USD. */
  cost?: number;
  tokens_generated?: number;
  tokens_input?: number;
  [extra: string]: unknown;
}

/** The request body of `inference.run`: the model's own input fields (JSON object or `FormData`). */
export type InferenceBody = Record<string, unknown> | FormData;

/**
 * The response of `POST /v1/inference/{model}`: the model's own output fields plus DeepInfra's
 * `request_id` and `inference_status`. Pass `T` to type the model's fields.
 */
export type InferenceResponse<T extends object = Record<string, unknown>> = T & {
  request_id?: string;
  inference_status?: InferenceStatus;
};
