/** First in the navigation: everything starts with the data. */
export { UploadView as component } from './UploadView';
