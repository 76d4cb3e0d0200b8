import * as vscode from 'vscode';
import type { AiCoderClient, PendingOAuth } from '@aicoder/client' with { 'resolution-mode': 'import' };

const CALLBACK_PATH = '/auth-callback';

/**
 * GitHub sign-in: the browser opens the server's sign-in URL (PKCE), GitHub sends the user back to the server, and
 * the server to `vscode://<publisher.name>/auth-callback?code=…&state=…`, which VS Code hands to this UriHandler.
 */
export class GitHubSignIn implements vscode.UriHandler {
  private pending: { oauth: PendingOAuth; done: (uri: vscode.Uri) => void } | undefined;

  constructor(
    private readonly client: AiCoderClient,
    private readonly extensionId: string,
  ) {}

  async signIn(): Promise<string> {
    const redirectUri = `${vscode.env.uriScheme}://${this.extensionId}${CALLBACK_PATH}`;
    const oauth = await this.client.startOAuth('github', redirectUri);
    const redirected = new Promise<vscode.Uri>((resolve) => {
      this.pending = { oauth, done: resolve };
    });
    try {
      if (!(await vscode.env.openExternal(vscode.Uri.parse(oauth.url, true)))) {
        throw new Error('The browser could not be opened');
      }
      const uri = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: 'Signing in with GitHub in the browser…',
          cancellable: true,
        },
        (_progress, token) =>
          Promise.race([
            redirected,
            new Promise<never>((_resolve, reject) =>
              token.onCancellationRequested(() => reject(new Error('Cancelled'))),
            ),
          ]),
      );
      const response = await this.client.completeOAuth(uri.toString(true), oauth);
      return response.user.email;
    } finally {
      this.pending = undefined;
    }
  }

  handleUri(uri: vscode.Uri): void {
    if (uri.path === CALLBACK_PATH) this.pending?.done(uri);
  }
}
