ALTER TABLE `outbox` ADD `type` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `signer` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `bad_signature` integer DEFAULT false NOT NULL;