import { Entity } from 'typeorm';
import type { ChatPlatform, WebhookEventType } from '@keyline/shared';
import { BoolColumn, IdColumn, IntColumn, JsonColumn, RefColumn, TextColumn, TimestampColumn } from '../../db/columns';

/**
 * A Slack or Teams incoming webhook. The URL is the channel's credential
 * (anyone holding it can post there): the API never sends it back whole.
 */
@Entity('chat_channels')
export class ChatChannelEntity {
  @IdColumn() id: string;
  @TextColumn(10) platform: ChatPlatform;
  @TextColumn(80) name: string;
  @TextColumn(2000) url: string;
  /** Null: the organisation's channel. */
  @RefColumn(true) teamId: string | null;
  @JsonColumn() events: WebhookEventType[];
  @BoolColumn() active: boolean;
  @IntColumn() version: number;
  @TimestampColumn() createdAt: string;
  @TimestampColumn() updatedAt: string;
}
