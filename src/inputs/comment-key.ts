// What may stand in the sticky comment's hidden HTML marker as it is: no spaces, no `>`, no `--`.
// The comment-key input must match; a kube context name that does not is hashed instead.
export const COMMENT_KEY_RE = /^(?!.*--)[A-Za-z0-9][A-Za-z0-9._:@/+-]{0,99}$/;
