/**
 * The names of a comment's forms (docs/adr/0030): the answer to a post without JavaScript comes back to the form
 * of that name, and the panel (<details>) around it opens. Shared by the forms and the thread that places them.
 */
export const replyFormId = (commentId: number) => `reply-${commentId}`;
export const editFormId = (commentId: number) => `edit-${commentId}`;
export const reportFormId = (commentId: number) => `report-${commentId}`;
export const likeFormId = (commentId: number) => `like-${commentId}`;
export const NEW_COMMENT_FORM_ID = 'comment-new';
