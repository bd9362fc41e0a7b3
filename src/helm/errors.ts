/** Error classes of the Helm module. Each message names the chart (and version) it concerns. */

/** Base class of every error this module throws on purpose. */
export class HelmError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A chart archive or directory that is not a valid chart (Chart.yaml missing or invalid). */
export class ChartError extends HelmError {}

/** An HTTP Helm repository that cannot be read (index, download, digest, auth). */
export class RepositoryError extends HelmError {
  /** HTTP status, when the server answered. */
  readonly status?: number;
  constructor(message: string, options?: { cause?: unknown; status?: number }) {
    super(message, options);
    if (options?.status !== undefined) this.status = options.status;
  }
}

/** `helm template` failed; the message carries helm's own error output. */
export class RenderError extends HelmError {}

/** No helm binary could be found or run. */
export class HelmNotFoundError extends HelmError {}
