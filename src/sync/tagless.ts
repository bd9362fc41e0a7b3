/**
 * Destination repositories that held no tag when this run first asked: one `tags/list?n=1` page per
 * repository and run (`RegistryClient.hasTags`). On a fresh mirror every lookup in such a repository
 * misses, so the run spares them: the blob copier uploads without a blob HEAD first, and planning
 * takes every further tag of the repository as absent without a manifest HEAD.
 *
 * The list decides absence only until this run writes there itself: once one of its copies has
 * started into the repository (`copying`), planning HEADs again, so a second entry naming the same
 * destination tag still sees the first one's write (drift, or up to date) as before.
 */
import type { RegistryClient } from '../oci/client.js';
import { formatRepository, type Repository } from '../oci/reference.js';

interface Answer {
  /** The answer is in (false while the page is on its way). */
  settled: boolean;
  /** The repository held no tag (false too when the answer failed). */
  empty: boolean;
  /** A copy of this run has since started writing into it. */
  writing: boolean;
  done: Promise<boolean>;
}

export class TaglessRepositories {
  readonly #answers = new Map<string, Answer>();

  /**
   * Ask once per run (later calls share the first answer): true when `repo` held no tag, false
   * when it held one or the page could not be read (then every lookup is made as usual).
   */
  ask(client: RegistryClient, repo: Repository): Promise<boolean> {
    const key = formatRepository(repo);
    const known = this.#answers.get(key);
    if (known) return known.done;
    const answer: Answer = { settled: false, empty: false, writing: false, done: Promise.resolve(false) };
    answer.done = client.hasTags(repo).then(
      (has) => {
        answer.empty = !has;
        answer.settled = true;
        return answer.empty;
      },
      () => {
        answer.settled = true;
        return false;
      },
    );
    this.#answers.set(key, answer);
    return answer.done;
  }

  /** True when `repo` is known (answer in) to have held no tag when first asked. */
  known(repo: Repository): boolean {
    const answer = this.#answers.get(formatRepository(repo));
    return answer?.settled === true && answer.empty;
  }

  /** True while `repo` is known tagless and no copy of this run has started writing into it. */
  untouched(repo: Repository): boolean {
    const answer = this.#answers.get(formatRepository(repo));
    return answer?.settled === true && answer.empty && !answer.writing;
  }

  /** A copy of this run starts writing into `repo`: from now on planning looks its tags up again. */
  copying(repo: Repository): void {
    const answer = this.#answers.get(formatRepository(repo));
    if (answer) answer.writing = true;
  }
}
