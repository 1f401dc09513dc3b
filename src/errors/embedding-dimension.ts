import { DeepInfraError } from "./base.js";

/**
 * An embeddings fallback model returned vectors of another size than the model it stands in for (or
 * that size is unknown): mixing them would corrupt any index, so the vectors are not returned.
 */
export class EmbeddingDimensionError extends DeepInfraError {
  override name = "EmbeddingDimensionError";
  constructor(
    /** The fallback model that answered. */
    readonly model: string,
    /** The model it stood in for. */
    readonly primary: string,
    /** The size required: `dimensions`, or the size the primary model is known to return; undefined when unknown. */
    readonly expected: number | undefined,
    /** The size the fallback model returned. */
    readonly actual: number,
  ) {
    super(
      expected === undefined
        ? `Embeddings fallback: ${primary} failed and the size of its vectors is unknown, so ${model}'s ${actual}-dimension vectors can't be checked against it; pass dimensions (e.g. dimensions: ${actual}) to allow embeddings fallback.`
        : `Embeddings fallback: ${model} returned ${actual}-dimension vectors, but ${primary} returns ${expected} (dimensions must match); not used.`,
    );
  }
}
