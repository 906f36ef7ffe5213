CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider` text NOT NULL,
	`subject` text NOT NULL,
	`target_url` text NOT NULL,
	`headers` text NOT NULL,
	`body` text NOT NULL,
	`retry_schedule` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_http_status` integer,
	`last_error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`delivered_at` integer
);
--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `outbox_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`outbox_id` integer NOT NULL,
	`attempted_at` integer NOT NULL,
	`http_status` integer,
	`error` text,
	`duration_ms` integer NOT NULL,
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `ping_payment_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`split_tree_id` text NOT NULL,
	`currency` text NOT NULL,
	`status` text DEFAULT 'OPEN' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ping_payments` (
	`id` text PRIMARY KEY NOT NULL,
	`payment_order_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`currency` text NOT NULL,
	`total_amount` integer NOT NULL,
	`method` text NOT NULL,
	`provider` text NOT NULL,
	`status` text NOT NULL,
	`status_reason_code` text,
	`status_reason_description` text,
	`order_items` text NOT NULL,
	`payer` text,
	`provider_method_parameters` text NOT NULL,
	`status_callback_url` text,
	`metadata` text,
	`card_masked` text,
	`settle_at` integer,
	`callback_behaviour` text DEFAULT 'on_time' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`payment_order_id`) REFERENCES `ping_payment_orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ping_payments_order_idx` ON `ping_payments` (`payment_order_id`);