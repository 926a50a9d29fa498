-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "anonymousToPeers" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "pseudonymsGiven" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "AssignmentPseudonym" (
    "assignmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,

    CONSTRAINT "AssignmentPseudonym_pkey" PRIMARY KEY ("assignmentId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "AssignmentPseudonym_assignmentId_number_key" ON "AssignmentPseudonym"("assignmentId", "number");

-- AddForeignKey
ALTER TABLE "AssignmentPseudonym" ADD CONSTRAINT "AssignmentPseudonym_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentPseudonym" ADD CONSTRAINT "AssignmentPseudonym_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
