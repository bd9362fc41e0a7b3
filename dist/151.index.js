export const id = 151;
export const ids = [151];
export const modules = {

/***/ 51151:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CommentError: () => (/* binding */ CommentError),
/* harmony export */   pullRequestOf: () => (/* binding */ pullRequestOf),
/* harmony export */   shouldComment: () => (/* binding */ shouldComment),
/* harmony export */   upsertComment: () => (/* binding */ upsertComment)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61351);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27194);
/**
 * The PR dry-run comment: one comment per pull request and config, found again by its hidden
 * marker and updated in place. Commenting is a courtesy: a token without permission, a pull request
 * from a fork or any API error becomes a warning naming the `comment` input, never a failed check.
 */


/** The pull request of this event, if it has one. */
function pullRequestOf(ctx) {
    const pr = ctx.payload.pull_request;
    if (!pr || typeof pr.number !== 'number')
        return undefined;
    const base = `${ctx.repo.owner}/${ctx.repo.repo}`;
    const head = pr.head?.repo?.full_name;
    // A deleted fork has `head.repo: null`; GitHub treats it as a fork too.
    const fromFork = pr.head !== undefined && head !== base;
    return { owner: ctx.repo.owner, repo: ctx.repo.repo, number: pr.number, fromFork };
}
/** Whether to comment: `true` on any event with a PR, `auto` on pull_request(_target) dry runs. */
function shouldComment(setting, eventName, dryRun, hasPr) {
    if (setting === 'false' || !hasPr)
        return false;
    if (setting === 'true')
        return true;
    return dryRun && (eventName === 'pull_request' || eventName === 'pull_request_target');
}
/** A comment that could not be posted; the message says why and what to do. */
class CommentError extends Error {
    name = 'CommentError';
}
function explain(err, pr) {
    const status = err.status;
    const message = (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(err instanceof Error ? err.message : String(err));
    const remedy = status === 403 || status === 404 || status === 401
        ? '; give the job `permissions: pull-requests: write` (and pass a token that has it in `github-token`)'
        : '';
    return new CommentError(`comment: could not comment on pull request #${pr.number}${status ? ` (HTTP ${status})` : ''}: ${message}${remedy}. The plan is in the job summary.`, { cause: err });
}
/**
 * Create the plan comment, or update the one carrying `marker`. Pages through the existing
 * comments so a busy PR still finds its comment. Throws `CommentError` with the remedy.
 */
async function upsertComment(opts) {
    const { pr, marker, body } = opts;
    if (pr.fromFork)
        return {
            action: 'skipped',
            reason: 'comment: this pull request comes from a fork, whose token cannot comment; the plan is in the job summary',
        };
    const issues = opts.issues ?? _actions_github__WEBPACK_IMPORTED_MODULE_0__.getOctokit(opts.token).rest.issues;
    const base = { owner: pr.owner, repo: pr.repo };
    try {
        let existing;
        for (let page = 1; existing === undefined; page++) {
            const { data } = await issues.listComments({ ...base, issue_number: pr.number, per_page: 100, page });
            existing = data.find((c) => c.body?.includes(marker))?.id;
            if (data.length < 100)
                break;
        }
        if (existing !== undefined) {
            const { data } = await issues.updateComment({ ...base, comment_id: existing, body });
            return { action: 'updated', id: data.id, ...(data.html_url ? { url: data.html_url } : {}) };
        }
        const { data } = await issues.createComment({ ...base, issue_number: pr.number, body });
        return { action: 'created', id: data.id, ...(data.html_url ? { url: data.html_url } : {}) };
    }
    catch (err) {
        throw explain(err, pr);
    }
}


/***/ })

};
