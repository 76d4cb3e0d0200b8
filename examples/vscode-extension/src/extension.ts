import * as vscode from 'vscode';
import { BalanceItem } from './balance';
import { Chat } from './chat';
import { createClient, describeError, loadClientModule } from './client';
import { GitHubSignIn } from './sign-in';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = await loadClientModule();
  const describe = (error: unknown) => describeError(module, error);
  const client = createClient(module, context, () => {
    void vscode.window.showWarningMessage('AI Coder: your session ended; sign in again.');
    void balance.refresh();
  });
  const signIn = new GitHubSignIn(client, context.extension.id);
  const balance = new BalanceItem(client);
  const chat = new Chat(client, describe);
  const run = (action: () => Promise<unknown>) => () =>
    action().catch((error: unknown) => vscode.window.showErrorMessage(`AI Coder: ${describe(error)}`));

  context.subscriptions.push(
    { dispose: () => client.dispose() },
    balance,
    chat,
    vscode.window.registerUriHandler(signIn),
    vscode.commands.registerCommand(
      'aicoder.signInWithGitHub',
      run(async () => {
        const email = await signIn.signIn();
        void vscode.window.showInformationMessage(`AI Coder: signed in as ${email}`);
        await balance.refresh();
      }),
    ),
    vscode.commands.registerCommand(
      'aicoder.signOut',
      run(async () => {
        await client.signOut();
        await balance.refresh();
      }),
    ),
    vscode.commands.registerCommand(
      'aicoder.chat',
      run(async () => {
        const question = await vscode.window.showInputBox({ prompt: 'Ask AI Coder' });
        if (!question) return;
        await chat.ask(question, vscode.workspace.getConfiguration('aicoder').get('model', 'gpt-3.5-turbo'));
        await balance.refresh();
      }),
    ),
    vscode.commands.registerCommand('aicoder.stop', () => chat.stop()),
    vscode.commands.registerCommand(
      'aicoder.refreshBalance',
      run(() => balance.refresh()),
    ),
  );
  await balance.refresh();
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
