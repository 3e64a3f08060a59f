-- CreateIndex
CREATE INDEX "Ticket_channel_createdAt_idx" ON "Ticket"("channel", "createdAt");

-- CreateIndex
CREATE INDEX "CallbackAppointment_slotStart_idx" ON "CallbackAppointment"("slotStart");

-- CreateIndex
CREATE INDEX "CallbackAppointment_bookedAt_idx" ON "CallbackAppointment"("bookedAt");

-- CreateIndex
CREATE INDEX "UrgentRequest_receivedAt_idx" ON "UrgentRequest"("receivedAt");

-- CreateIndex
CREATE INDEX "Complaint_receivedAt_idx" ON "Complaint"("receivedAt");

-- CreateIndex
CREATE INDEX "Complaint_stageStartedAt_idx" ON "Complaint"("stageStartedAt");
